using System.Text;
using Switchboard.Silo.Storage.Blobs;

namespace Switchboard.Tests.Attachments;

/// <summary>What every <see cref="IBlobStore"/> does, checked the same way for each kind.</summary>
public static class BlobStoreContract
{
    public static async Task WritesReadsListsAndDeletesAsync(IBlobStore store)
    {
        var id = Guid.NewGuid().ToString("N");
        var big = new byte[3 * 1024 * 1024 + 17];
        new Random(7).NextBytes(big);

        await store.WriteAsync($"files/{id}", new MemoryStream(big), "image/jpeg", CancellationToken.None);
        await store.WriteAsync($"meta/{id}.json", new MemoryStream("{}"u8.ToArray()), "application/json", CancellationToken.None);
        await store.WriteAsync($"meta/{id}.json", new MemoryStream("{\"v\":2}"u8.ToArray()), "application/json", CancellationToken.None);

        Assert.Equal(big, await ReadAllAsync(store, $"files/{id}"));
        Assert.Equal("{\"v\":2}", Encoding.UTF8.GetString((await ReadAllAsync(store, $"meta/{id}.json"))!));
        Assert.Null(await store.OpenReadAsync($"files/{id}-missing", CancellationToken.None));
        Assert.Contains($"files/{id}", await ListAsync(store, "files/"));
        Assert.DoesNotContain($"meta/{id}.json", await ListAsync(store, "files/"));

        await store.DeleteAsync($"files/{id}", CancellationToken.None);
        await store.DeleteAsync($"files/{id}", CancellationToken.None);
        await store.DeleteAsync($"thumbs/{id}", CancellationToken.None);

        Assert.Null(await store.OpenReadAsync($"files/{id}", CancellationToken.None));
        Assert.DoesNotContain($"files/{id}", await ListAsync(store, "files/"));
    }

    private static async Task<byte[]?> ReadAllAsync(IBlobStore store, string key)
    {
        await using var stream = await store.OpenReadAsync(key, CancellationToken.None);
        if (stream is null)
        {
            return null;
        }
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private static async Task<List<string>> ListAsync(IBlobStore store, string prefix)
    {
        var keys = new List<string>();
        await foreach (var key in store.ListAsync(prefix, CancellationToken.None))
        {
            keys.Add(key);
        }
        return keys;
    }
}
