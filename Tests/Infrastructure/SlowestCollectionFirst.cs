using Switchboard.Tests.Cluster;
using Xunit.Abstractions;

[assembly: TestCollectionOrderer("Switchboard.Tests.Infrastructure.SlowestCollectionFirst", "Tests")]

namespace Switchboard.Tests.Infrastructure;

/// <summary>
/// Starts the collection of real-process cluster tests (<see cref="DatabaseServers"/>) first. Its tests share one
/// Redis and PostgreSQL and so run one after another, for about half the suite's time, mostly waiting on processes;
/// xUnit starts as many collections as it has threads and takes the next only when one ends, so left in its default
/// place (last) it ran alone at the end and nearly doubled the run. First, it runs beside everything else.
/// </summary>
public sealed class SlowestCollectionFirst : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(collection => collection.DisplayName == DatabaseServers.Name ? 0 : 1);
}
