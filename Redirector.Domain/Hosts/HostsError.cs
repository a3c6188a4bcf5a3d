namespace Redirector.Domain.Hosts;

/// <summary>Why a hosts text cannot be edited safely. Line numbers count from 1.</summary>
public abstract record HostsError(int Line)
{
    public abstract string Message { get; }

    public sealed record MissingEnd(int Line) : HostsError(Line)
    {
        public override string Message =>
            $"line {Line}: '{Markers.Begin}' has no matching '{Markers.End}'";
    }

    public sealed record MissingBegin(int Line) : HostsError(Line)
    {
        public override string Message =>
            $"line {Line}: '{Markers.End}' has no '{Markers.Begin}' before it";
    }

    public sealed record SecondBlock(int Line, int FirstLine) : HostsError(Line)
    {
        public override string Message =>
            $"line {Line}: a second managed block starts here (the first starts at line {FirstLine})";
    }

    public sealed record NestedBegin(int Line, int FirstLine) : HostsError(Line)
    {
        public override string Message =>
            $"line {Line}: '{Markers.Begin}' again inside the block opened at line {FirstLine}";
    }

    public sealed record BadEntry(int Line, string Text, string Reason) : HostsError(Line)
    {
        public override string Message =>
            $"line {Line}: cannot read '{HostName.Shown(Text)}' inside the managed block: {Reason}";
    }
}
