namespace Redirector.Domain.Decision;

/// <summary>Why a probe failed, in a few fixed classes: enough to count failures by cause (a
/// metric label must have a small, bounded set of values) without reading their text.</summary>
public enum FailureKind { Refused, Timeout, Dns, Tls, Status, Body, Reset, Unreachable, Other }
