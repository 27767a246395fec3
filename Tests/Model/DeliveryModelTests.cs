using FsCheck;
using FsCheck.Fluent;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Model;

/// <summary>
/// Model-based: FsCheck generates sequences of sends, retries, reconnects with resume and operator replies, each
/// played against the real gateway over real sockets and closed, and checks what both sides saw against the
/// delivery guarantees (<see cref="DeliveryRun"/>). A failing sequence is shrunk to the shortest that still fails.
/// </summary>
public sealed class DeliveryModelTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const int Sequences = 15;
    private const int LongestSequence = 12;

    [Fact]
    public void Every_sequence_of_sends_retries_reconnects_and_replies_keeps_the_delivery_guarantees()
    {
        var steps = Gen.Frequency(
            (4, Gen.Constant(DeliveryStep.Send)),
            (2, Gen.Constant(DeliveryStep.Retry)),
            (2, Gen.Constant(DeliveryStep.Reconnect)),
            (2, Gen.Constant(DeliveryStep.Reply)));
        var sequences = Arb.From(Gen.ArrayOf(steps), Shorter);
        var property = Prop.ForAll(sequences, sequence => Play(sequence).GetAwaiter().GetResult());

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Sequences).WithEndSize(LongestSequence), property);
    }

    /// <summary>Each sequence's own chat on a new site, so sequences never see each other's events.</summary>
    private async Task<bool> Play(DeliveryStep[] sequence)
    {
        var site = await TestSites.CreateAsync(fixture.Host.Grains, ("anna", 4, ["general"]));
        await using var run = new DeliveryRun(fixture.Host, site);
        var broken = await run.PlayAsync(sequence);
        return broken is null ? true : throw new InvalidOperationException($"[{string.Join(", ", sequence)}] broke the model at {broken}");
    }

    /// <summary>Shrinks a failing sequence by leaving out one step at a time.</summary>
    private static IEnumerable<DeliveryStep[]> Shorter(DeliveryStep[] sequence) =>
        Enumerable.Range(0, sequence.Length).Select(skip => sequence.Where((_, i) => i != skip).ToArray());
}
