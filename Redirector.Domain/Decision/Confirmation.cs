namespace Redirector.Domain.Decision;

/// <summary>During a failover: has a backend reported since the active one went down?</summary>
public enum Confirmation { Pending, Fresh }
