using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Channels;

/// <summary>
/// One gateway for the messenger file tests, over a data directory they look into, with a 1 MB file limit so the
/// limit is reached with small files.
/// </summary>
public sealed class MessengerFilesFixture : IDisposable
{
    public const long MaxBytes = 1024 * 1024;

    private readonly TempDirectory _data = new();

    public MessengerFilesFixture() => Host = new GatewayHost(_data.Path, new Dictionary<string, string>
    {
        ["Attachments:SpoolDirectory"] = System.IO.Path.Combine(_data.Path, "spool"),
        ["Attachments:MaxBytes"] = MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    public GatewayHost Host { get; }
    public string DataDirectory => _data.Path;

    public void Dispose()
    {
        Host.Dispose();
        _data.Dispose();
    }
}
