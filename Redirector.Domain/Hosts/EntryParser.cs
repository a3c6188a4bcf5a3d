using LanguageExt;
using static LanguageExt.Prelude;

namespace Redirector.Domain.Hosts;

/// <summary>Reads one line of the managed block back: "address name [aliases]".</summary>
static class EntryParser
{
    static readonly char[] Blanks = [' ', '\t'];

    public static Either<HostsError, HostsEntry> Parse(string line, int lineNo)
    {
        Either<HostsError, T> Bad<T>(string reason) =>
            Left<HostsError, T>(new HostsError.BadEntry(lineNo, line, reason));

        Either<HostsError, HostName> Name(string field) =>
            HostName.Create(field).Match(
                Succ: Right<HostsError, HostName>,
                Fail: errors => Bad<HostName>(string.Join("; ", errors)));

        var fields = toSeq(line.Split(Blanks, StringSplitOptions.RemoveEmptyEntries));
        return fields.Count < 2
            ? Bad<HostsEntry>("expected an address and a name")
            : from address in IpLiteral.TryParse(fields[0]).Match(
                  Some: Right<HostsError, IpLiteral>,
                  None: () => Bad<IpLiteral>($"'{HostName.Shown(fields[0])}' is not an IP address"))
              from name in Name(fields[1])
              from aliases in fields.Skip(2).Map(Name).Sequence()
              select new HostsEntry(address, name, aliases);
    }
}
