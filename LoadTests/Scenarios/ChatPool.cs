using Switchboard.LoadTests.Runner;
using Switchboard.LoadTests.Wire;

namespace Switchboard.LoadTests.Scenarios;

/// <summary>
/// Chats held open for a whole run, so the run measures messages and not chat starts: each visitor has said
/// hello, started a chat and been assigned. Closing them at the end gives the operators their capacity back.
/// Against several gateways (a cluster), visitor <c>i</c> connects to gateway <c>i mod n</c>.
/// </summary>
public sealed class ChatPool(IReadOnlyList<Target> targets, string site, int size, bool greeted)
{
    private const int OpenAtOnce = 16;

    private readonly List<VisitorClient> _visitors = [];

    public ChatPool(Target target, string site, int size, bool greeted)
        : this([target], site, size, greeted)
    {
    }

    public IReadOnlyList<VisitorClient> Visitors => _visitors;

    public async Task OpenAsync(ScenarioContext init)
    {
        var opened = new VisitorClient?[size];
        await Parallel.ForEachAsync(Enumerable.Range(0, size), new ParallelOptions { MaxDegreeOfParallelism = OpenAtOnce }, async (i, cancel) =>
        {
            var visitor = await init.StepAsync("connect", () => VisitorClient.ConnectAsync(targets[i % targets.Count], site, cancel));
            opened[i] = visitor;
            await init.StepAsync("hello", visitor.HelloAsync);
            // When the desk greets, the greeting is awaited here, so that it is never taken for a reply later.
            var greeting = greeted ? visitor.ExpectOperatorMessage(VisitorClient.AssignTimeout) : null;
            var (_, assigned) = await init.StepAsync("start_chat ack", () => visitor.StartChatAsync("Hello, I have a few questions."));
            await init.StepAsync("wait for operator", () => assigned);
            if (greeting is not null)
            {
                await init.StepAsync("greeting", () => greeting);
            }
        });
        _visitors.AddRange(opened.OfType<VisitorClient>());
    }

    public async Task CloseAsync()
    {
        await Parallel.ForEachAsync(_visitors, new ParallelOptions { MaxDegreeOfParallelism = OpenAtOnce }, async (visitor, _) =>
        {
            try
            {
                await visitor.CloseAsync();
            }
            catch (Exception error) when (error is TimeoutException or IOException or WireErrorException)
            {
            }
            await visitor.DisposeAsync();
        });
        _visitors.Clear();
    }
}
