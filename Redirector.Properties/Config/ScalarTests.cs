using LanguageExt;
using Redirector.Domain.Config;
using static LanguageExt.Prelude;

namespace Redirector.Properties.Config;

/// <summary>The YAML 1.1 words the original's PyYAML read as null, true and false, and the
/// kind of value an error names, each one seen through the main config reader.</summary>
public class ScalarTests
{
    static ReadResult<MainConfig> Read(string text) =>
        MainConfigReader.Read("config.yml", text, "/etc/redirector");

    static Seq<string> Errors(string text) => Read(text).Errors.Map(e => e.ToString());

    static MainConfig Valid(string text) => Read(text).Value.Match(Succ: m => m,
        Fail: es => throw new Xunit.Sdk.XunitException(string.Join("\n", es)));

    [Theory]
    [InlineData("true"), InlineData("True"), InlineData("TRUE"), InlineData("yes")]
    [InlineData("Yes"), InlineData("on"), InlineData("ON"), InlineData("y"), InlineData("Y")]
    public void Yaml_1_1_true_words_read_as_true(string word) =>
        Assert.True(Valid($"persist_hosts_block: {word}\n").PersistHostsBlock);

    [Theory]
    [InlineData("false"), InlineData("False"), InlineData("FALSE"), InlineData("no")]
    [InlineData("No"), InlineData("off"), InlineData("OFF"), InlineData("n"), InlineData("N")]
    public void Yaml_1_1_false_words_read_as_false(string word) =>
        Assert.False(Valid($"persist_hosts_block: {word}\n").PersistHostsBlock);

    [Theory]
    [InlineData("nope"), InlineData("1"), InlineData("t"), InlineData("yess")]
    public void Other_words_are_not_flags(string word) =>
        Assert.Equal(Seq1($"config.yml:1:22: persist_hosts_block: expected true or false, " +
                          $"got '{word}'"), Errors($"persist_hosts_block: {word}\n"));

    [Theory]
    [InlineData("node_name:"), InlineData("node_name: ~"), InlineData("node_name: null")]
    [InlineData("node_name: Null"), InlineData("node_name: NULL")]
    public void Plain_null_words_mean_the_key_was_not_given(string line) =>
        Assert.Equal(Some.MainDefaults, Valid(line));

    [Theory]
    [InlineData("node_name: \"null\"", "null"), InlineData("node_name: '~'", "~")]
    [InlineData("node_name: nULL", "nULL"), InlineData("node_name: none", "none")]
    public void Quoted_null_words_and_other_spellings_are_text(string line, string name) =>
        Assert.Equal(Optional(name), Valid(line).NodeName);

    [Theory]
    [InlineData("hosts_file: [a]", "got a list")]
    [InlineData("hosts_file: {a: b}", "got a mapping")]
    public void An_error_names_the_kind_of_value_it_got(string line, string kind) =>
        Assert.Equal(Seq1($"config.yml:1:13: hosts_file: expected a text value, {kind}"),
            Errors(line));

    [Fact]
    public void A_null_where_a_value_is_required_is_nothing() =>
        Assert.Equal(Seq1("lb.yml:5:5: backend_hosts[1]: expected a text value, got nothing"),
            LbConfigReader.Read("lb.yml", Some.TcpLbYaml.Replace("  - 10.0.0.2", "  - ~"))
                .Errors.Map(e => e.ToString()));

    [Fact]
    public void A_top_level_null_is_an_empty_file() =>
        Assert.Equal(Some.MainDefaults, Valid("~\n"));

    [Fact]
    public void A_top_level_value_is_named_a_value() =>
        Assert.Equal(Seq1("config.yml:1:1: expected a mapping of keys to values at the top " +
                          "of the file, got a value"), Errors("\"~\"\n"));
}
