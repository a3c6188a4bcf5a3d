using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LanguageExt;
using Redirector.Domain.Config;
using Redirector.Domain.Decision;
using Redirector.Domain.Probing;
using static LanguageExt.Prelude;

namespace Redirector.Properties.Probing;

/// <summary>The HTTP verdict: a received status and body in, a pass or a classed failure
/// out, with the reasons operators have always read.</summary>
public class HttpVerdictTests
{
    static readonly HealthCheck.Http Check = Some.HttpCheck;

    static string Reason(Option<Failure> failure) =>
        failure.Match(f => f.Text, () => "passed");

    [Theory]
    [InlineData("200", 200, "passed")]
    [InlineData("200", 503, "status 503")]
    [InlineData("200", 2000, "passed")]
    [InlineData("^2", 204, "passed")]
    [InlineData("2..|301", 301, "passed")]
    [InlineData("^2", 500, "status 500 did not match '^2'")]
    [InlineData("(?P<c>2)0(?P=c)", 202, "passed")]
    [InlineData("(?P<c>2)0(?P=c)", 200, "status 200 did not match '(?P<c>2)0(?P=c)'")]
    public void Status_verdicts_and_their_reasons(string pattern, int status, string reason) =>
        Assert.Equal(reason,
            Reason(HttpVerdict.OfStatus(Check with { ExpectedStatus = Some.Pattern(pattern) },
                status)));

    [Theory]
    [InlineData("ready", "status: ready", 13, "passed")]
    [InlineData("ready", "status: starting", 16, "body did not match 'ready'")]
    [InlineData("ready", "status: start", 65536,
        "body did not match 'ready' in its first 65536 bytes (max_body_bytes)")]
    [InlineData(@"ready\Z", "ready\n", 6, @"body did not match 'ready\Z'")]
    public void Body_verdicts_and_their_reasons(
        string pattern, string body, int bytes, string reason) =>
        Assert.Equal(reason, Reason(
            HttpVerdict.OfBody(Check, Some.Pattern(pattern), new ReceivedBody(body, bytes))));

    [Fact]
    public void A_match_that_times_out_fails_the_part_it_judged()
    {
        var slow = Some.Pattern("(a|aa)+$");
        var body = HttpVerdict.OfBody(Check, slow, new ReceivedBody(new string('a', 40) + "!", 41));
        Assert.Equal(Some(new Failure(FailureKind.Body,
            "body: regex '(a|aa)+$' took longer than 0.5s (match timeout)")), body);
    }

    [Fact]
    public void An_up_result_says_which_status_passed() =>
        Assert.Equal("status 204", HttpVerdict.Passed(204));

    /// <summary>The status patterns of the generated configs, each with its meaning written
    /// out by hand as the oracle.</summary>
    static readonly (string Pattern, Func<int, bool> Passes)[] StatusModels =
    [
        ("200", code => code == 200),
        ("^2", code => code / 100 == 2),
        ("200|429", code => code is 200 or 429),
        (@"^2\d\d$", code => code is >= 200 and < 300),
        ("(?P<x>[45])0(?P=x)", code => code is 404 or 505),
    ];

    [Property(MaxTest = 500)]
    public Property A_status_passes_exactly_when_its_model_says() =>
        Prop.ForAll(Gen.Elements(StatusModels).ToArbitrary(), Gen.Choose(100, 599).ToArbitrary(),
            (model, code) =>
            {
                var verdict = HttpVerdict.OfStatus(
                    Check with { ExpectedStatus = Some.Pattern(model.Pattern) }, code);
                Assert.Equal(model.Passes(code), verdict.IsNone);
                verdict.IfSome(f =>
                {
                    Assert.Equal(FailureKind.Status, f.Kind);
                    Assert.StartsWith($"status {code}", f.Text);
                });
            });

    static readonly Gen<string> Text =
        Gen.Elements('a', 'b', 'c', ' ', '\n').ArrayOf().Select(cs => new string(cs));

    static readonly Gen<string> Word =
        Gen.Elements('a', 'b', 'c').NonEmptyListOf().Select(cs => new string(cs.Take(4).ToArray()));

    /// <summary>A plain word is searched for anywhere: the oracle is string search.</summary>
    [Property(MaxTest = 500)]
    public Property A_body_passes_exactly_when_it_contains_a_plain_word() =>
        Prop.ForAll(Word.ToArbitrary(), Text.ToArbitrary(), (word, text) =>
        {
            var verdict = HttpVerdict.OfBody(Check, Some.Pattern(word),
                new ReceivedBody(text, text.Length));
            Assert.Equal(text.Contains(word, StringComparison.Ordinal), verdict.IsNone);
            verdict.IfSome(f =>
            {
                Assert.Equal(FailureKind.Body, f.Kind);
                Assert.StartsWith($"body did not match '{word}'", f.Text);
            });
        });
}
