namespace Switchboard.Wire.Frames;

/// <summary>One changed element of a co-browsed page: its number in the snapshot and its markup now.</summary>
public sealed record CoBrowsePatch(int Node, string Html);
