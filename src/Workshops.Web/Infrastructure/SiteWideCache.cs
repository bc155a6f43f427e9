using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Npgsql;
using Workshops.Core.Data;

namespace Workshops.Web.Infrastructure;

/// <summary>
/// Each node keeps its visitors' pages in its own memory. An eviction on one node is passed to every other through
/// PostgreSQL's LISTEN/NOTIFY, so an organiser's change is seen on all nodes at once rather than when their copies
/// expire. On SQLite the site is one process and nothing is passed on.
/// </summary>
public static class SiteWideCache
{
    public const string Channel = "workshops_output_cache";

    public static IServiceCollection AddSiteWideEviction(this IServiceCollection services)
    {
        services.AddSingleton<EvictionRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<EvictionRelay>());
        // Wraps the store AddOutputCache registered: every caller of EvictByTagAsync tells the other nodes too.
        var local = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.Remove(local);
        services.AddSingleton<IOutputCacheStore>(sp => new RelayedStore(
            (IOutputCacheStore)(local.ImplementationFactory?.Invoke(sp) ?? local.ImplementationInstance
                ?? ActivatorUtilities.CreateInstance(sp, local.ImplementationType!)),
            sp.GetRequiredService<EvictionRelay>()));
        return services;
    }

    /// <summary>
    /// The local store with evictions passed on. It keeps the buffer interface of the memory store it wraps: the output
    /// cache writes and reads pages through it without copying them into arrays, on every cached request.
    /// </summary>
    private sealed class RelayedStore(IOutputCacheStore local, EvictionRelay relay) : IOutputCacheBufferStore
    {
        public async ValueTask EvictByTagAsync(string tag, CancellationToken ct)
        {
            await local.EvictByTagAsync(tag, ct);
            await relay.PublishAsync(tag, ct);
        }

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken ct) => local.GetAsync(key, ct);

        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken ct) =>
            local.SetAsync(key, value, tags, validFor, ct);

        public async ValueTask<bool> TryGetAsync(string key, System.IO.Pipelines.PipeWriter destination, CancellationToken ct)
        {
            if (local is IOutputCacheBufferStore buffers) return await buffers.TryGetAsync(key, destination, ct);
            if (await local.GetAsync(key, ct) is not { } value) return false;
            await destination.WriteAsync(value, ct);
            return true;
        }

        public ValueTask SetAsync(string key, System.Buffers.ReadOnlySequence<byte> value, ReadOnlyMemory<string> tags, TimeSpan validFor, CancellationToken ct) =>
            local is IOutputCacheBufferStore buffers
                ? buffers.SetAsync(key, value, tags, validFor, ct)
                : local.SetAsync(key, System.Buffers.BuffersExtensions.ToArray(value), tags.ToArray(), validFor, ct);

        internal ValueTask EvictHereAsync(string tag, CancellationToken ct) => local.EvictByTagAsync(tag, ct);
    }

    /// <summary>
    /// Listens on one connection of its own for other nodes' evictions, and publishes this node's. A lost connection
    /// is opened again after a second, and then everything is evicted here, since messages sent meanwhile are lost.
    /// </summary>
    public sealed class EvictionRelay(IOptions<DatabaseOptions> database, IServiceProvider services, ILogger<EvictionRelay> log) : BackgroundService
    {
        /// <summary>Tells this node's messages from the others' on the shared channel.</summary>
        private readonly string _node = Guid.NewGuid().ToString("N");

        private bool Shared => database.Value.Provider == DatabaseProvider.Postgres;

        // The work on PostgreSQL is in methods of their own: an async method's state holds its locals, and loading
        // it would load Npgsql on a SQLite site.
        public Task PublishAsync(string tag, CancellationToken ct) => Shared ? NotifyAsync(tag, ct) : Task.CompletedTask;

        protected override Task ExecuteAsync(CancellationToken stoppingToken) => Shared ? ListenAsync(stoppingToken) : Task.CompletedTask;

        private async Task NotifyAsync(string tag, CancellationToken ct)
        {
            try
            {
                await using var connection = new NpgsqlConnection(database.Value.PostgresConnectionString());
                await connection.OpenAsync(ct);
                await using var command = new NpgsqlCommand("SELECT pg_notify($1, $2)", connection);
                command.Parameters.AddWithValue(Channel);
                command.Parameters.AddWithValue(_node + " " + tag);
                await command.ExecuteNonQueryAsync(ct);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                // The change itself is saved; other nodes' copies expire within a minute anyway.
                log.LogWarning(e, "Could not tell the other nodes to evict {Tag}", tag);
            }
        }

        private async Task ListenAsync(CancellationToken stoppingToken)
        {
            var connectedBefore = false;
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    var settings = new NpgsqlConnectionStringBuilder(database.Value.PostgresConnectionString())
                    {
                        // Its own connection for the node's life, outside the pool; keepalives find a dead one.
                        Pooling = false, KeepAlive = 30,
                    };
                    await using var connection = new NpgsqlConnection(settings.ConnectionString);
                    await connection.OpenAsync(stoppingToken);
                    connection.Notification += (_, e) => OnNotification(e.Payload);
                    await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                        await listen.ExecuteNonQueryAsync(stoppingToken);
                    if (connectedBefore) await EvictHereAsync(PublicPageCache.Tag, stoppingToken);
                    connectedBefore = true;
                    while (!stoppingToken.IsCancellationRequested) await connection.WaitAsync(stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
                catch (Exception e)
                {
                    log.LogWarning(e, "Listening for other nodes' cache evictions failed; trying again in a second");
                    try { await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken); }
                    catch (OperationCanceledException) { }
                }
            }
        }

        private void OnNotification(string payload)
        {
            var space = payload.IndexOf(' ');
            if (space < 0 || payload.AsSpan(0, space).SequenceEqual(_node)) return;
            // Runs on the listening loop: an in-memory eviction is quick, and waiting keeps the order of messages.
            EvictHereAsync(payload[(space + 1)..], CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }

        private ValueTask EvictHereAsync(string tag, CancellationToken ct)
        {
            if (tag == PublicPageCache.Tag) PublicPageCache.Bump();
            return ((RelayedStore)services.GetRequiredService<IOutputCacheStore>()).EvictHereAsync(tag, ct);
        }
    }
}
