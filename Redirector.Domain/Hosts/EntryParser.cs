using LanguageExt;
using static LanguageExt.Prelude;

namespace Redirector.Domain.Hosts;

/// <summary>Reads one line of the managed block back: "address name [aliases]".</summary>
static class EntryParser
{
    static readonly char[] Blanks = [' ', '\t'];

    // Plain code rather than LINQ over Either: LanguageExt 4 resolves the type classes behind
    // SelectMany and Sequence by reflection, which a Native AOT binary does not have.
    public static Either<HostsError, HostsEntry> Parse(string line, int lineNo)
    {
        HostsError Bad(string reason) => new HostsError.BadEntry(lineNo, line, reason);

        var fields = line.Split(Blanks, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 2) return Bad("expected an address and a name");
        if (IpLiteral.TryParse(fields[0]).Case is not IpLiteral address)
            return Bad($"'{HostName.Shown(fields[0])}' is not an IP address");
        var names = new HostName[fields.Length - 1];
        for (var i = 1; i < fields.Length; i++)
        {
            var name = HostName.Create(fields[i]);
            if (name.IsFail)
                return Bad(string.Join("; ", name.FailToSeq()));
            names[i - 1] = name.SuccessToSeq().Head;
        }
        return new HostsEntry(address, names[0], toSeq(names[1..]));
    }
}
