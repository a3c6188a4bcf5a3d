using Redirector.Shell.Observing;
using Redirector.Shell.Running;

namespace Redirector.EndToEnd.Logging;

/// <summary>Warnings about files say what went wrong in our words and name the path; .NET's
/// own messages (which name temp files and change with the runtime) never reach the log.
/// </summary>
public sealed class OwnWordsTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("redirector-words-").FullName;

    [Fact]
    public void A_pid_file_in_a_missing_folder_is_named_with_our_words()
    {
        var path = Path.Combine(folder, "missing", "redirector.pid");
        var problem = PidFile.Write(path, 4242);
        Assert.Equal($"cannot write pid file {path}: its folder does not exist", problem);
    }

    [Fact]
    public void A_status_folder_under_a_file_is_named_with_our_words()
    {
        var file = Path.Combine(folder, "plain-file");
        File.WriteAllText(file, "");
        var path = Path.Combine(file, "run", "status.json");
        var problem = StatusLocation.MakeFolder(path);
        Assert.NotNull(problem);
        Assert.StartsWith($"cannot create the status folder {Path.Combine(file, "run")}: ",
            problem);
        Assert.DoesNotContain("'", problem);
        Assert.DoesNotContain("path", problem);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
