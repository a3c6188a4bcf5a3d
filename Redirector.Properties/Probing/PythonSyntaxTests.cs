using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Redirector.Domain.Probing;

namespace Redirector.Properties.Probing;

/// <summary>The one translation of Python's pattern spellings into .NET's.</summary>
public class PythonSyntaxTests
{
    [Theory]
    [InlineData("(?P<code>2..)", "(?<code>2..)")]
    [InlineData("(?P<w>ok) (?P=w)", @"(?<w>ok) \k<w>")]
    [InlineData(@"ready\Z", @"ready\z")]
    [InlineData(@"a\\Z", @"a\\Z")]
    [InlineData(@"\(P<x>\)", @"\(P<x>\)")]
    [InlineData(@"\(?P<x>", @"\(?P<x>")]
    [InlineData("[(?P<]", "[(?P<]")]
    [InlineData("[a-z-[aeiou]]", @"[a-z-\[aeiou]]")]
    [InlineData("[]a]", @"[\]a]")]
    [InlineData("[^]a]", @"[^\]a]")]
    [InlineData("a{,3}", "a{0,3}")]
    [InlineData("a{,}", "a{0,}")]
    [InlineData("a{,x}", "a{,x}")]
    [InlineData(@"\{,3}", @"\{,3}")]
    [InlineData("ends with a backslash\\", "ends with a backslash\\")]
    public void Python_only_spellings_are_translated(string python, string dotnet) =>
        Assert.Equal(dotnet, PythonSyntax.ToDotNet(python));

    /// <summary>Patterns built from characters no Python-only spelling uses.</summary>
    static readonly Gen<string> Plain =
        Gen.Elements("a", "b", "1", ".", "*", "+", "?", "|", "(", ")", "^", "$", " ", "{", "}",
                ",", "<", ">", "=", "P", "Z", "-").ArrayOf()
            .Select(parts => string.Concat(parts))
            .Where(p => !p.Contains("(?P") && !p.Contains("{,"));

    /// <summary>Patterns that are mostly the awkward parts.</summary>
    static readonly Gen<string> Awkward =
        Gen.Elements(@"\", "Z", "[", "]", "^", "(?P<n>", "(?P=n)", "{,", "2}", "a", ")", "(")
            .ArrayOf().Select(parts => string.Concat(parts));

    [Property(MaxTest = 300)]
    public Property A_pattern_without_python_only_spellings_is_left_alone() =>
        Prop.ForAll(Plain.ToArbitrary(), p => Assert.Equal(p, PythonSyntax.ToDotNet(p)));

    /// <summary>What comes out is .NET's spelling, which needs no more translating.</summary>
    [Property(MaxTest = 500)]
    public Property Translating_twice_changes_nothing_more() =>
        Prop.ForAll(Awkward.ToArbitrary(), p =>
        {
            var once = PythonSyntax.ToDotNet(p);
            Assert.Equal(once, PythonSyntax.ToDotNet(once));
        });
}
