using System.Runtime.Versioning;

// The daemon edits /etc/hosts with POSIX calls (rename, chown, fsync of a folder): Linux only.
[assembly: SupportedOSPlatform("linux")]
