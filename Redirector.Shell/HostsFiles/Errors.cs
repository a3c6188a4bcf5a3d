namespace Redirector.Shell.HostsFiles;

/// <summary>Our own words for a file error: .NET's messages carry temp-file names and vary
/// with the runtime, and a log line that changes with each attempt defeats logging an episode
/// once.</summary>
static class Errors
{
    public static string Describe(Exception e) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        FileNotFoundException => "the file does not exist",
        DirectoryNotFoundException => "its folder does not exist",
        IOException io when io.HResult is > 0 and < 4096 => Native.LibC.Describe(io.HResult),
        _ => "an I/O error",
    };
}
