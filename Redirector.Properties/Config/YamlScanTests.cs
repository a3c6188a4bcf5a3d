using LanguageExt;
using Redirector.Domain.Config;
using static LanguageExt.Prelude;

namespace Redirector.Properties.Config;

/// <summary>The pass over the YAML events before the tree is built: nesting depth up to the
/// limit and no further, aliases only to anchors defined before them, and a position for text
/// the parser gives up on.</summary>
public class YamlScanTests
{
    static Seq<string> Errors(string text) =>
        MainConfigReader.Read("config.yml", text, "/etc/redirector").Errors
            .Map(e => e.ToString());

    /// <summary>The limit the scan documents; the top-level mapping is the first level.</summary>
    const int MaxDepth = 64;

    static string Nested(int lists) =>
        "node_name: " + new string('[', lists) + new string(']', lists) + "\n";

    [Fact]
    public void Nesting_up_to_the_limit_is_read_and_one_more_level_is_refused()
    {
        Assert.Equal(Seq1("config.yml:1:12: node_name: expected a text value, got a list"),
            Errors(Nested(MaxDepth - 1)));
        Assert.Equal(Seq1($"config.yml:1:{12 + MaxDepth - 1}: nested more than 64 " +
                          "levels deep"), Errors(Nested(MaxDepth)));
    }

    [Fact]
    public void Depth_counts_open_levels_not_every_level_ever_opened()
    {
        var siblings = string.Concat(Enumerable.Range(0, 4).Select(i =>
            $"x{i}: " + new string('[', 40) + new string(']', 40) + "\n"));
        var errors = Errors(siblings);
        Assert.DoesNotContain(errors, e => e.Contains("nested"));
        Assert.DoesNotContain(errors, e => e.Contains("syntax"));
    }

    [Fact]
    public void An_alias_to_an_anchor_defined_before_it_reads_the_anchored_value() =>
        Assert.Equal(Optional("app-1"), MainConfigReader
            .Read("config.yml", "log_format: &f app-1\nnode_name: *f\n", "/etc/redirector")
            .Value.Match(Succ: m => m.NodeName, Fail: _ => None));

    [Fact]
    public void An_alias_before_its_anchor_is_refused_where_it_stands() =>
        Assert.Equal(Seq1("config.yml:1:12: alias *f refers to no anchor defined before it"),
            Errors("node_name: *f\nlog_format: &f app-1\n"));

    [Fact]
    public void An_anchored_mapping_may_be_aliased() =>
        Assert.Empty(Errors("x1: &m {a: 1}\nx2: *m\n")
            .Filter(e => e.Contains("alias") || e.Contains("syntax")));

    [Theory]
    [InlineData("x:\n  - [b\ny: 1", "config.yml:3:1")]
    [InlineData("x:\n  - [b\n  - c\n", "config.yml:3:3")]
    public void Text_the_parser_gives_up_on_is_reported_where_it_stopped(string text, string at) =>
        Assert.Equal(Seq1($"{at}: YAML syntax error: cannot make sense of the text here " +
                          "(an unclosed '[', '{' or quote?)"), Errors(text));
}
