using Microsoft.Data.Sqlite;

namespace Switchboard.Silo.Storage.Sqlite;

/// <summary>
/// Open read connections kept between reads, each with its prepared statements. A read through a fresh
/// <see cref="SqliteConnection"/> made a connection and two commands (the pragmas, the query), parsed three statements
/// and left three finalizable objects for the GC; a grain's activation reads its state that way, so every chat start
/// paid it several times. A rented connection serves one caller until it is returned; a few are kept idle.
/// </summary>
public sealed class SqliteReadConnections(Func<SqliteConnection> open) : IDisposable
{
    /// <summary>Idle connections kept: reads are short, so a handful serve a silo's thread pool.</summary>
    public const int MaxIdle = 8;

    private readonly Lock _lock = new();
    private readonly SqliteReadConnection[] _idle = new SqliteReadConnection[MaxIdle];
    private int _count;
    private bool _disposed;

    public SqliteReadConnection Rent()
    {
        lock (_lock)
        {
            if (_count > 0)
            {
                var connection = _idle[--_count];
                _idle[_count] = null!;
                return connection;
            }
        }
        return new SqliteReadConnection(open(), this);
    }

    internal void Return(SqliteReadConnection connection)
    {
        lock (_lock)
        {
            if (!_disposed && _count < MaxIdle)
            {
                _idle[_count++] = connection;
                return;
            }
        }
        connection.Close();
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            for (; _count > 0; _count--)
            {
                _idle[_count - 1].Close();
                _idle[_count - 1] = null!;
            }
        }
    }
}
