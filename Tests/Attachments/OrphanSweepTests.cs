using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Gateway.Attachments;
using Switchboard.Silo.Storage.Blobs;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Attachments;

public sealed class OrphanSweepTests
{
    private static readonly TimeSpan OrphanAfter = TimeSpan.FromHours(1);

    [Fact]
    public async Task Uploads_no_message_took_are_removed_once_old_and_taken_ones_stay()
    {
        using var directory = new TempDirectory();
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-04T10:00:00Z"));
        var catalog = new AttachmentCatalog(new FileSystemBlobStore(directory.Path));
        var sweep = new OrphanSweep(catalog, Options.Create(new AttachmentOptions { OrphanAfter = OrphanAfter }), clock, NullLogger<OrphanSweep>.Instance);
        var orphan = await StoreAsync(catalog, clock, conversationId: null);
        var sent = await StoreAsync(catalog, clock, conversationId: "c1");
        clock.Advance(OrphanAfter - TimeSpan.FromMinutes(1));
        var young = await StoreAsync(catalog, clock, conversationId: null);

        var firstRemoved = await sweep.SweepAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(2));
        var secondRemoved = await sweep.SweepAsync(CancellationToken.None);

        Assert.Equal((0, 1), (firstRemoved, secondRemoved));
        Assert.Null(await catalog.FindAsync(orphan, CancellationToken.None));
        Assert.False(File.Exists(Path.Combine(directory.Path, "files", orphan)));
        Assert.NotNull(await catalog.FindAsync(sent, CancellationToken.None));
        Assert.NotNull(await catalog.FindAsync(young, CancellationToken.None));
    }

    [Fact]
    public async Task A_file_whose_description_was_never_written_goes_on_the_second_sweep_that_finds_it()
    {
        using var directory = new TempDirectory();
        var blobs = new FileSystemBlobStore(directory.Path);
        var catalog = new AttachmentCatalog(blobs);
        var sweep = new OrphanSweep(catalog, Options.Create(new AttachmentOptions()), new FakeTimeProvider(), NullLogger<OrphanSweep>.Instance);
        var id = Switchboard.Contracts.GrainKeys.NewId();
        await blobs.WriteAsync(AttachmentCatalog.FileKey(id), new MemoryStream([1, 2, 3]), "image/png", CancellationToken.None);

        var first = await sweep.SweepAsync(CancellationToken.None);
        var second = await sweep.SweepAsync(CancellationToken.None);

        Assert.Equal((0, 1), (first, second));
        Assert.Null(await blobs.OpenReadAsync(AttachmentCatalog.FileKey(id), CancellationToken.None));
    }

    private static async Task<string> StoreAsync(AttachmentCatalog catalog, TimeProvider clock, string? conversationId)
    {
        var id = Switchboard.Contracts.GrainKeys.NewId();
        await catalog.Blobs.WriteAsync(AttachmentCatalog.FileKey(id), new MemoryStream([1, 2, 3]), "application/pdf", CancellationToken.None);
        await catalog.SaveAsync(new StoredAttachment(id, "s", Uploader.OfVisitor("v"), "a.pdf", "application/pdf", 3, false, clock.GetUtcNow())
        {
            ConversationId = conversationId,
        }, CancellationToken.None);
        return id;
    }
}
