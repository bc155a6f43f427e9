namespace Workshops.IntegrationTests.Infrastructure;

/// <summary>
/// What a newcomer runs: the built site as its own process on an empty data folder, with the demo. It once died at
/// start with "database is locked" because the demo signed links inside its write transaction while Data Protection
/// made its first key through another connection.
/// </summary>
[Trait("Category", "Processes")]
public sealed class DemoProcessTests : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "workshops-tests", Guid.NewGuid().ToString("N"));
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(Path.Combine(_data, "db"), empty: true);

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task The_demo_comes_up_on_an_empty_data_folder_and_again_on_the_used_one()
    {
        var environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = _database.Provider,
            ["Storage__DataDirectory"] = Path.Combine(_data, "site"),
            ["Logging__LogLevel__Default"] = "Warning",
        };
        // On SQLite the site makes its own database file in the empty folder, as it does for a newcomer.
        if (_database.Provider == "Postgres") environment["Database__ConnectionString"] = _database.ConnectionString;

        await using (var site = await SiteProcess.StartAsync(SiteProcess.BuiltSite(), environment, "--seed-demo"))
        {
            var home = await site.GetAsync("/");
            Assert.Contains("São Paulo", home);
            Assert.Contains("Madrid", await site.GetAsync("/archive"));
        }
        // A second start on the same folder finds the keys, the schema and the demo already there.
        await using (var again = await SiteProcess.StartAsync(SiteProcess.BuiltSite(), environment, "--seed-demo"))
            Assert.Contains("São Paulo", await again.GetAsync("/"));
    }
}
