using Redirector.EndToEnd.Support;
using Redirector.Shell.Running;

namespace Redirector.EndToEnd.Lifecycle;

public sealed class PidFileTests : IDisposable
{
    readonly TempHostsFile folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Write_puts_the_pid_and_a_newline_and_remove_takes_it_away()
    {
        var path = folder.Beside("redirector.pid");

        var error = PidFile.Write(path, 4242);
        var content = File.ReadAllText(path);
        var removed = PidFile.Remove(path, 4242);

        Assert.Null(error);
        Assert.Equal("4242\n", content);
        Assert.True(removed);
        Assert.False(File.Exists(path));
        Assert.Empty(Directory.GetFiles(folder.Folder, "*.tmp"));
    }

    [Fact]
    public void Remove_leaves_a_pid_file_that_another_instance_took_over()
    {
        var path = folder.Beside("redirector.pid");
        PidFile.Write(path, 1111);

        var removed = PidFile.Remove(path, 2222);

        Assert.False(removed);
        Assert.Equal("1111\n", File.ReadAllText(path));
    }

    [Fact]
    public void An_unwritable_place_gives_a_reason_not_an_exception()
    {
        var error = PidFile.Write(folder.Beside("missing-folder/redirector.pid"), 1);

        Assert.StartsWith("cannot write pid file", error);
        Assert.False(PidFile.Remove(folder.Beside("missing-folder/redirector.pid"), 1));
    }
}
