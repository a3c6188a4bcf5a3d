using System.Diagnostics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Redirector.Domain.Diff;

namespace Redirector.Properties.Diff;

/// <summary>GNU patch is the reference: what --dry-run prints must be a patch that turns the
/// current hosts file into exactly the text the daemon would write.</summary>
public sealed class UnifiedDiffTests
{
    static readonly Gen<string> Text =
        from lines in Gen.ListOf(Gen.Elements("a", "b", "c", "", "127.0.0.1 x", "# c", "d\r"))
        from finalNewline in Gen.Elements(true, false)
        let body = string.Join("\n", lines)
        select lines.Count == 0 ? "" : finalNewline ? body + "\n" : body;

    [Property(MaxTest = 80)]
    public Property Gnu_patch_applies_it_exactly() =>
        Prop.ForAll(Text.ToArbitrary(), Text.ToArbitrary(), (before, after) =>
        {
            var diff = UnifiedDiff.Between(before, after, "/etc/hosts");
            var patched = Patch(before, diff);
            return (patched == after).Label($"diff:\n{diff}\npatched: {patched}");
        });

    [Fact]
    public void Equal_texts_give_no_diff() =>
        Assert.Equal("", UnifiedDiff.Between("a\nb\n", "a\nb\n", "/etc/hosts"));

    [Fact]
    public void Headers_and_hunks_read_like_diff_u() =>
        Assert.Equal(
            "--- a/etc/hosts\n+++ b/etc/hosts\n@@ -1,2 +1,2 @@\n x\n-a\n+b\n",
            UnifiedDiff.Between("x\na\n", "x\nb\n", "/etc/hosts"));

    [Fact]
    public void A_missing_final_newline_is_flagged_as_diff_u_does() =>
        Assert.Equal(
            "--- a/h\n+++ b/h\n@@ -1 +1,2 @@\n-x\n\\ No newline at end of file\n+x\n+y\n",
            UnifiedDiff.Between("x", "x\ny\n", "h"));

    [Fact]
    public void An_empty_old_file_starts_at_line_zero() =>
        Assert.Equal("--- a/h\n+++ b/h\n@@ -0,0 +1 @@\n+x\n", UnifiedDiff.Between("", "x\n", "h"));

    static string Patch(string before, string diff)
    {
        if (diff.Length == 0) return before;
        var dir = Directory.CreateTempSubdirectory("redirector-diff-");
        try
        {
            var file = Path.Combine(dir.FullName, "hosts");
            File.WriteAllText(file, before);
            var psi = new ProcessStartInfo("patch", ["--quiet", "--force", file])
            {
                RedirectStandardInput = true, RedirectStandardOutput = true,
            };
            using var patch = Process.Start(psi)!;
            patch.StandardInput.Write(diff);
            patch.StandardInput.Close();
            patch.StandardOutput.ReadToEnd();
            if (!patch.WaitForExit(10_000)) patch.Kill();
            return File.ReadAllText(file);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
