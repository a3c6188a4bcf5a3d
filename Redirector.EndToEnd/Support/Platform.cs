using System.Runtime.Versioning;

// The helpers use POSIX tools (kill, unshare, mount) and the shell's Linux-only calls.
[assembly: SupportedOSPlatform("linux")]
