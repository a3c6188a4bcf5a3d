namespace Redirector.Domain.Hosts;

enum MarkerKind { Begin, End }

/// <summary>A marker line: [Start, Next) runs from its first character (after a BOM on line 1)
/// through its terminator. Line counts from 1.</summary>
readonly record struct MarkerLine(MarkerKind Kind, int Line, int Start, int Next);
