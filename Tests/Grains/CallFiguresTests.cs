using Switchboard.Contracts;
using Switchboard.Contracts.Calls;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Grains;

/// <summary>A queue's call figures are the day's, like the chat figures; who waits and which callbacks are pending is now.</summary>
[Collection(ClusterFixture.Name)]
public sealed class CallFiguresTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Answered_abandoned_and_the_answer_time_start_again_at_midnight_while_waiting_callers_and_callbacks_stay()
    {
        var figures = fixture.Grains.GetGrain<ICallFiguresGrain>(GrainKeys.CallFigures("t" + GrainKeys.NewId()[..10], "general"));
        await figures.Waiting("a");
        await figures.Answered("a", TimeSpan.FromSeconds(20));
        await figures.Waiting("b");
        await figures.Abandoned("b");
        await figures.Waiting("c");
        await figures.CallbackRequested("c");
        await figures.Waiting("d");
        var today = await figures.GetFigures();

        fixture.Clock.Advance(TimeSpan.FromDays(1));
        var tomorrow = await figures.GetFigures();

        Assert.Equal((1, 1, 1, 20.0, 1), (today.WaitingCallers, today.Answered, today.Abandoned, today.AverageAnswerSeconds!.Value, today.CallbacksPending));
        Assert.Equal((1, 0, 0, null, 1), (tomorrow.WaitingCallers, tomorrow.Answered, tomorrow.Abandoned, tomorrow.AverageAnswerSeconds, tomorrow.CallbacksPending));
    }
}
