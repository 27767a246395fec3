using Switchboard.Silo.Storage;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Storage;

/// <summary>The batching loop under the storage writers (<see cref="BatchLoop{T}"/>): a writer that throws breaks one batch, not the loop.</summary>
public sealed class BatchLoopTests
{
    [Fact]
    public async Task A_batch_whose_writer_throws_fails_its_items_with_the_error_and_the_next_batch_is_still_written()
    {
        var written = new List<string>();
        var firstBatchTaken = new TaskCompletionSource();
        var releaseFirstBatch = new TaskCompletionSource();
        await using var loop = new BatchLoop<Item>("test", 16, async batch =>
        {
            if (batch.Any(item => item.Name == "broken"))
            {
                firstBatchTaken.SetResult();
                await releaseFirstBatch.Task;
                throw new InvalidOperationException("the writer's own defect");
            }
            batch.ForEach(item => { written.Add(item.Name); item.Done.SetResult(); });
        }, (item, error) => item.Done.TrySetException(error));

        var broken = new Item("broken");
        loop.Enqueue(broken);
        await firstBatchTaken.Task.WaitAsync(Waits.Signal);
        var later = new Item("later");
        loop.Enqueue(later);
        releaseFirstBatch.SetResult();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => broken.Done.Task.WaitAsync(Waits.Signal));
        Assert.Equal("the writer's own defect", error.Message);
        await later.Done.Task.WaitAsync(Waits.Signal);
        Assert.Equal(["later"], written);
    }

    private sealed record Item(string Name)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
