using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: Xunit.TestCollectionOrderer(
    "Redirector.EndToEnd.Support.LongestFirst", "Redirector.EndToEnd")]

namespace Redirector.EndToEnd.Support;

/// <summary>Starts the long test classes that run in parallel first, so they overlap the many
/// short ones instead of running alone at the end; the rest keep xunit's order.</summary>
public sealed class LongestFirst : ITestCollectionOrderer
{
    static readonly string[] Long = ["SoakTests"];

    public IEnumerable<ITestCollection> OrderTestCollections(
        IEnumerable<ITestCollection> testCollections) =>
        new DefaultTestCollectionOrderer()
            .OrderTestCollections(testCollections)
            .OrderBy(c => Long.Any(name => c.DisplayName.EndsWith("." + name,
                StringComparison.Ordinal)) ? 0 : 1);
}
