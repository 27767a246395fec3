namespace Switchboard.Wire.Frames;

/// <summary>A page the visitor saw and how long they stayed on it.</summary>
public sealed record VisitedPage(string Url, string? Title, int Seconds);
