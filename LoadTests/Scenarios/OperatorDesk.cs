using Switchboard.LoadTests.Runner;
using Switchboard.LoadTests.Wire;

namespace Switchboard.LoadTests.Scenarios;

/// <summary>
/// The team of scripted operators: each signs in (<c>POST /api/auth/login</c>), opens <c>/ws/operator</c>,
/// says hello and goes online. The desk stays open across the runs of a benchmark, as a shift would.
/// Against several gateways (a cluster), operator <c>i</c> signs in on gateway <c>i mod n</c>.
/// </summary>
public sealed class OperatorDesk(IReadOnlyList<Target> targets, string site, IReadOnlyList<string> logins, string password) : IAsyncDisposable
{
    private const int SignInsAtOnce = 8;

    private readonly List<OperatorClient> _operators = [];

    public OperatorDesk(Target target, string site, IReadOnlyList<string> logins, string password)
        : this([target], site, logins, password)
    {
    }

    public IReadOnlyList<OperatorClient> Operators => _operators;

    public int Count => logins.Count;

    public async Task OpenAsync(ScenarioContext init)
    {
        if (_operators.Count > 0)
        {
            return;
        }
        var signIns = targets.Select(target => new LoginClient(target)).ToList();
        try
        {
            var opened = new OperatorClient[logins.Count];
            await Parallel.ForEachAsync(Enumerable.Range(0, logins.Count), new ParallelOptions { MaxDegreeOfParallelism = SignInsAtOnce }, async (i, cancel) =>
            {
                var token = await init.StepAsync("login", () => signIns[i % targets.Count].LoginAsync(site, logins[i], password, cancel));
                var client = await init.StepAsync("connect", () => OperatorClient.ConnectAsync(targets[i % targets.Count], logins[i], token, cancel));
                opened[i] = client;
                await init.StepAsync("hello", client.HelloAsync);
                await init.StepAsync("go online", () => client.SetStatusAsync("online"));
            });
            _operators.AddRange(opened);
        }
        finally
        {
            signIns.ForEach(signIn => signIn.Dispose());
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _operators)
        {
            await client.DisposeAsync();
        }
        _operators.Clear();
    }
}
