using LanguageExt;
using static LanguageExt.Prelude;

namespace Redirector.Domain;

/// <summary>Seq concatenation for code that Native AOT compiles. LanguageExt 4's own
/// <c>+</c>/<c>Concat</c> build a <c>SeqConcat&lt;ISeqInternal&lt;…&gt;&gt;</c> whose type
/// nests without end, which the AOT compiler cannot finish; this copies into one flat Seq.
/// BannedSymbols.txt makes the analyzer refuse the originals.</summary>
public static class Seqs
{
    public static Seq<A> Join<A>(params ReadOnlySpan<Seq<A>> parts)
    {
        var count = 0;
        foreach (var part in parts)
            count += part.Count;
        var all = new A[count];
        var at = 0;
        foreach (var part in parts)
            foreach (var item in part)
                all[at++] = item;
        return toSeq(all);
    }
}
