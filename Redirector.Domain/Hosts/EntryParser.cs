using LanguageExt;

namespace Redirector.Domain.Hosts;

/// <summary>Reads one line of the managed block back: "address name [aliases]".</summary>
static class EntryParser
{
    public static Either<HostsError, HostsEntry> Parse(string line, int lineNo)
    {
        var fields = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 2)
            return new HostsError.BadEntry(lineNo, line, "expected an address and a name");
        var address = IpLiteral.TryParse(fields[0]);
        if (address.IsNone)
            return new HostsError.BadEntry(lineNo, line, $"'{fields[0]}' is not an IP address");
        var names = new List<HostName>();
        foreach (var field in fields.Skip(1))
        {
            var name = HostName.Create(field);
            if (name.IsFail)
                return new HostsError.BadEntry(lineNo, line, string.Join("; ", name.FailToSeq()));
            names.Add(name.SuccessToSeq().Head);
        }
        return new HostsEntry(address.IfNone(() => throw new InvalidOperationException()),
            names[0], names.Skip(1).ToSeq());
    }
}
