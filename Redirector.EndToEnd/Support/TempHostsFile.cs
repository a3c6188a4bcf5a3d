using System.Text;

namespace Redirector.EndToEnd.Support;

/// <summary>A hosts file in a fresh temp folder (never /etc/hosts), removed with the folder.
/// Text is Latin-1, like the shell's reader, so any byte can be set up and compared.</summary>
public sealed class TempHostsFile : IDisposable
{
    public const string Sample = "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost\n";

    public string Folder { get; }
    public string Path { get; }

    public TempHostsFile(string text = Sample, string name = "hosts")
    {
        Folder = Directory.CreateTempSubdirectory("redirector-test-").FullName;
        Path = System.IO.Path.Combine(Folder, name);
        Write(text);
    }

    public string Read() => Encoding.Latin1.GetString(File.ReadAllBytes(Path));

    public byte[] ReadBytes() => File.ReadAllBytes(Path);

    public void Write(string text) => File.WriteAllBytes(Path, Encoding.Latin1.GetBytes(text));

    /// <summary>Another file in the same temp folder (configs, pid files, logs).</summary>
    public string Beside(string name) => System.IO.Path.Combine(Folder, name);

    public void Dispose()
    {
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
    }
}
