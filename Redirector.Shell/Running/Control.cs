namespace Redirector.Shell.Running;

/// <summary>What besides probe results wakes the daemon's loop.</summary>
enum Control { Reload, HostsChanged, Stop }
