namespace Redirector.Domain.Hosts;

/// <summary>Why a hosts text cannot be edited safely. Line numbers count from 1.</summary>
public abstract record HostsError(int Line)
{
    /// <summary>What is wrong, without the position.</summary>
    public abstract string Problem { get; }

    public string Message => $"line {Line}: {Problem}";

    /// <summary>The one-line form users see: <c>file:line:1: managed block: problem</c>.</summary>
    public string Describe(string file) => $"{file}:{Line}:1: managed block: {Problem}";

    public sealed record MissingEnd(int Line) : HostsError(Line)
    {
        public override string Problem => $"'{Markers.Begin}' has no matching '{Markers.End}'";
    }

    public sealed record MissingBegin(int Line) : HostsError(Line)
    {
        public override string Problem => $"'{Markers.End}' has no '{Markers.Begin}' before it";
    }

    public sealed record SecondBlock(int Line, int FirstLine) : HostsError(Line)
    {
        public override string Problem =>
            $"a second managed block starts here (the first starts at line {FirstLine})";
    }

    public sealed record NestedBegin(int Line, int FirstLine) : HostsError(Line)
    {
        public override string Problem =>
            $"'{Markers.Begin}' again inside the block opened at line {FirstLine}";
    }

    public sealed record BadEntry(int Line, string Text, string Reason) : HostsError(Line)
    {
        public override string Problem =>
            $"cannot read '{HostName.Shown(Text)}' inside the managed block: {Reason}";
    }

    /// <summary>The edited text would not read back as intended (Why says how); a defect of
    /// the editor caught before the write, so nothing is written.</summary>
    public sealed record WouldNotReadBack(int Line, string Why) : HostsError(Line)
    {
        public override string Problem =>
            $"the edited file would not read back correctly ({Why}); not written";
    }
}
