using System.Diagnostics;
using HdrHistogram;
using Switchboard.LoadTests.Bench;
using Switchboard.LoadTests.Monitoring;
using Switchboard.LoadTests.Product;

namespace Switchboard.LoadTests.Uploads;

/// <summary>
/// Attachments under load, against a freshly started standalone gateway (Release build, fresh data directory, the
/// demo site): throughput and latency of 1 MB photos (each decoded, re-encoded and thumbnailed), and the gateway's
/// memory while 100 uploads run at once — of photos, and of 15 MB documents, which show whether uploads stream
/// (100 × 15 MB = 1.5 GB would not fit a buffering gateway's memory unnoticed).
/// </summary>
public sealed class UploadBenchmark(RepositoryPaths paths, int photos, int concurrency)
{
    private const string Site = "demo";
    private const int DocumentBytes = 15 * 1024 * 1024;
    private const int AtOnce = 100;

    public async Task<string> RunAsync()
    {
        var data = Directory.CreateTempSubdirectory("switchboard-uploads-bench-").FullName;
        var logs = Path.Combine(paths.Reports, "uploads-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss"));
        Directory.CreateDirectory(logs);
        await using var gateway = await ServerProcess.StartGatewayAsync(paths, [$"--Storage:DataDirectory={data}"], Path.Combine(logs, "gateway.log"), demoSite: true);
        var photo = UploadPhoto.About1Mb();
        var document = UploadPhoto.Document(DocumentBytes);
        using var client = await UploadClient.VisitAsync(gateway.Target.Http, Site);
        await client.UploadAsync(photo, "warm-up.jpg", "image/jpeg");

        var idle = ProcStat.Read(gateway.Pid)?.RssBytes ?? 0;
        var (throughput, latency, photoMemory) = await PhotosAsync(client, gateway, photo);
        var (burstSeconds, burstMemory) = await BurstAsync(client, gateway, photo, "image/jpeg", "photo.jpg");
        var (documentSeconds, documentMemory) = await BurstAsync(client, gateway, document, "application/pdf", "manual.pdf");
        Directory.Delete(data, recursive: true);
        var table = string.Join('\n',
            $"| measure | value |",
            $"|---|---|",
            $"| photo size | {photo.Length / 1024} KB JPEG, 1500×1125 |",
            $"| photos uploaded | {photos}, {concurrency} at a time |",
            $"| throughput | {throughput:F1} photos/s ({throughput * photo.Length / 1048576:F1} MB/s) |",
            $"| latency p50 / p90 / p99 / max | {Ms(latency, 50)} / {Ms(latency, 90)} / {Ms(latency, 99)} / {latency.GetMaxValue() / 1000.0:F0} ms |",
            $"| gateway RSS idle (after one warm-up upload) | {Mb(idle)} |",
            $"| gateway peak RSS, photo run | {Mb(photoMemory.PeakRssBytes)} |",
            $"| {AtOnce} photo uploads at once | {burstSeconds:F1} s for all; peak RSS {Mb(burstMemory.PeakRssBytes)} |",
            $"| {AtOnce} uploads of {DocumentBytes / 1048576} MB documents at once ({AtOnce * DocumentBytes / 1048576} MB in flight) | {documentSeconds:F1} s for all; peak RSS {Mb(documentMemory.PeakRssBytes)} |",
            $"| machine load average (1 min) at the end | {MachineInfo.LoadAverage()} |");
        await File.WriteAllTextAsync(Path.Combine(logs, "uploads.md"), table + "\n");
        return table;
    }

    private async Task<(double PerSecond, LongHistogram Latency, ProcessSummary Memory)> PhotosAsync(UploadClient client, ServerProcess gateway, byte[] photo)
    {
        var latency = new LongHistogram(TimeStamp.Minutes(5), 3);
        var sampler = ProcessSampler.Start(gateway.Watched);
        var next = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= photos)
            {
                var took = await client.UploadAsync(photo, "photo.jpg", "image/jpeg");
                lock (latency)
                {
                    latency.RecordValue(took.Ticks / (TimeSpan.TicksPerMillisecond / 1000));
                }
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        return (photos / seconds, latency, await sampler.StopAsync());
    }

    private static async Task<(double Seconds, ProcessSummary Memory)> BurstAsync(
        UploadClient client, ServerProcess gateway, byte[] file, string contentType, string name)
    {
        var sampler = ProcessSampler.Start(gateway.Watched);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, AtOnce).Select(_ => client.UploadAsync(file, name, contentType)));
        var seconds = clock.Elapsed.TotalSeconds;
        // At least one sample after the burst, so a short burst is still measured.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        return (seconds, await sampler.StopAsync());
    }

    private static string Ms(LongHistogram latency, double percentile) => $"{latency.GetValueAtPercentile(percentile) / 1000.0:F0}";

    private static string Mb(long bytes) => $"{bytes / 1048576} MB";
}
