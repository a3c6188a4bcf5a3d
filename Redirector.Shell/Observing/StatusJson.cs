using System.Text.Json.Serialization;

namespace Redirector.Shell.Observing;

/// <summary>Source-generated JSON for the status file: no reflection, so it survives Native
/// AOT and trimming.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(StatusSnapshot))]
sealed partial class StatusJson : JsonSerializerContext;
