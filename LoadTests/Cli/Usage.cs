namespace Switchboard.LoadTests.Cli;

public static class Usage
{
    public static int Print()
    {
        Console.Error.WriteLine("""
            Switchboard load tests

              dotnet run --project LoadTests -c Release -- bench [--quick] [--out DIR]
                  Builds and starts a fresh standalone gateway and the echo baseline, runs the standard
                  benchmark, writes report.md, report.csv, processes.csv and report.html to LoadTests/reports/<time>/.

              dotnet run --project LoadTests -c Release -- run --target http://HOST:PORT --site demo
                  --operators anna,boris --password demo [--profile chat|browse|mixed] [--rate 5] [--duration 30]
                  Scenarios against a running deployment, with its own operators.

              dotnet run --project LoadTests -c Release -- echo --urls http://127.0.0.1:5090
                  The echo baseline server alone.

              dotnet run --project LoadTests -c Release -- frames
                  Bytes and time per call of the hot path's frames: reading a message frame, writing a message event.
            """);
        return 2;
    }
}
