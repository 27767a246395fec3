namespace Switchboard.Gateway.Attachments;

/// <summary>
/// An upload held in a temporary file while it is checked and processed: memory holds a buffer, never the file. The
/// file is deleted when this is disposed, or by the operating system if the process dies first.
/// </summary>
public sealed class SpooledFile : IAsyncDisposable
{
    private const int BufferSize = 81920;

    private SpooledFile(FileStream content) => Content = content;

    public FileStream Content { get; }
    public long Length => Content.Length;

    public const string NamePrefix = "switchboard-upload-";

    public static SpooledFile Create(string directory) => new(new FileStream(
        Path.Combine(directory, NamePrefix + Guid.NewGuid().ToString("N")),
        FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, BufferSize, FileOptions.DeleteOnClose | FileOptions.Asynchronous));

    /// <summary>Takes over a file a media program wrote: moved into the spool directory, deleted when this is disposed.</summary>
    public static SpooledFile Adopt(string path, string directory)
    {
        var spooled = Path.Combine(directory, NamePrefix + Guid.NewGuid().ToString("N"));
        File.Move(path, spooled);
        return new(new FileStream(spooled, FileMode.Open, FileAccess.ReadWrite, FileShare.None, BufferSize, FileOptions.DeleteOnClose | FileOptions.Asynchronous));
    }

    /// <summary>Where the file is, for a media program to read it.</summary>
    public string FilePath => Content.Name;

    /// <summary>Copies <paramref name="source"/> in, refusing as soon as it passes <paramref name="maxBytes"/>.</summary>
    public async Task FillAsync(Stream source, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
            {
                if (Content.Length + read > maxBytes)
                {
                    throw UploadRefused.TooLarge(maxBytes);
                }
                await Content.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
            await Content.FlushAsync(cancellationToken);
            Content.Position = 0;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The first bytes, for recognising the type; the position is left at the start.</summary>
    public async Task<byte[]> HeadAsync(CancellationToken cancellationToken)
    {
        var head = new byte[Math.Min(FileTypes.HeaderLength, Content.Length)];
        Content.Position = 0;
        await Content.ReadExactlyAsync(head, cancellationToken);
        Content.Position = 0;
        return head;
    }

    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
