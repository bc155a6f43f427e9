using System.Data.Common;
using Workshops.Core.Data;

namespace Workshops.UnitTests.Data;

public class DeadlocksTests
{
    private sealed class FakeDbException(string state) : DbException("deadlock detected")
    {
        public override string SqlState => state;
    }

    [Fact]
    public async Task A_deadlock_wrapped_by_the_execution_strategy_is_run_again()
    {
        var calls = 0;
        var result = await Deadlocks.RetryAsync(() =>
        {
            if (++calls == 1)
                throw new InvalidOperationException("An exception has been raised that is likely due to a transient failure.", new FakeDbException("40P01"));
            return Task.FromResult(7);
        });
        Assert.Equal(7, result);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task Other_errors_and_the_last_attempt_are_passed_on()
    {
        var calls = 0;
        await Assert.ThrowsAsync<FakeDbException>(() => Deadlocks.RetryAsync<int>(() => { calls++; throw new FakeDbException("23505"); }));
        Assert.Equal(1, calls);
        calls = 0;
        await Assert.ThrowsAsync<FakeDbException>(() => Deadlocks.RetryAsync<int>(() => { calls++; throw new FakeDbException("40P01"); }, attempts: 3));
        Assert.Equal(3, calls);
    }
}
