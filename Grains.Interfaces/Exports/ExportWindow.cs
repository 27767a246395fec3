namespace Switchboard.Contracts.Exports;

/// <summary>One exported window, [<see cref="From"/>, <see cref="To"/>), and what it held.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.ExportWindow")]
public sealed record ExportWindow(
    [property: Id(0)] DateTimeOffset From,
    [property: Id(1)] DateTimeOffset To,
    [property: Id(2)] int Events = 0,
    [property: Id(3)] int Transcripts = 0)
{
    /// <summary>The window's name: the file's name, and the key a receiver uses to spot a repeat.</summary>
    public string Name(string site) => $"{site}-{From.UtcDateTime:yyyyMMdd'T'HHmm'Z'}";
}
