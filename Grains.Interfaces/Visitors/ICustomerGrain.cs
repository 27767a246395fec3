namespace Switchboard.Contracts.Visitors;

/// <summary>A signed-in customer across devices (key <c>{site}/u:{customerId}</c>): their last operator, for sticky routing.</summary>
[Alias("Switchboard.ICustomerGrain")]
public interface ICustomerGrain : IGrainWithStringKey
{
    [Alias("GetLastOperator")]
    Task<string?> GetLastOperator();

    [Alias("Served"), OneWay]
    Task Served(string operatorId);
}
