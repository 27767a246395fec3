namespace Switchboard.Domain.Reports;

/// <summary>
/// One hourly bucket: the UTC hour (hours since the Unix epoch) a chat started in, and its dimensions. Tag is
/// <see cref="AllTags"/> on the row that counts every chat once; a chat also adds to one row per tag it has
/// (or <see cref="Untagged"/>), which reports read only when they group or filter by tag.
/// </summary>
public sealed record BucketKey(string Site, long Hour, string Queue, string Operator, string Channel, string Tag)
{
    public const string AllTags = "";
    public const string Untagged = "-";
}
