using Switchboard.Contracts.Monitoring;

namespace Switchboard.Grains.Operators;

/// <summary>
/// The operator's most recent ratings, newest last, as a state of their own: written when a rating comes, not with
/// every seat taken and given back. In the operator's main state they were most of its bytes (about 2.2 of 2.5 KB
/// with fifty ratings), serialized and sealed twice for every chat (docs/benchmarks.md).
/// </summary>
[GenerateSerializer, Alias("Switchboard.OperatorRatings")]
public sealed class OperatorRatings
{
    [Id(0)] public List<RatingEntry> Entries { get; set; } = [];
}
