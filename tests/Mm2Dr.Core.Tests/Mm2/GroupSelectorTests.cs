using System;
using Mm2Dr.Core.Mm2;
using Xunit;

namespace Mm2Dr.Core.Tests.Mm2
{
    public class GroupSelectorTests
    {
        [Theory]
        [InlineData("orders-*", "orders-eu", true)]
        [InlineData("orders-*", "orders-", true)]
        [InlineData("orders-*", "my-orders-eu", false)]
        [InlineData("orders-?", "orders-1", true)]
        [InlineData("orders-?", "orders-12", false)]
        [InlineData("a.b", "a.b", true)]
        [InlineData("a.b", "axb", false)]
        [InlineData("*", "anything at all", true)]
        [InlineData("Orders*", "orders", false)]
        public void Wildcards_match_the_whole_id_literally_except_star_and_question_mark(string pattern, string group, bool expected)
        {
            Assert.Equal(expected, GroupSelector.Wildcard(pattern).Matches(group));
        }

        [Fact]
        public void Regex_patterns_must_match_the_whole_id()
        {
            var selector = GroupSelector.Pattern("orders-(eu|us)");
            Assert.True(selector.Matches("orders-eu"));
            Assert.False(selector.Matches("orders-eu-2"));
            Assert.False(selector.Matches("x-orders-us"));
            Assert.True(GroupSelector.Pattern("a|b").Matches("b"));
        }

        [Fact]
        public void Invalid_patterns_are_refused_with_the_pattern_named()
        {
            var e = Assert.Throws<ArgumentException>(() => GroupSelector.Pattern("orders-(("));
            Assert.Contains("orders-((", e.Message);
            Assert.Throws<ArgumentException>(() => GroupSelector.Wildcard(""));
            Assert.Throws<ArgumentException>(() => GroupSelector.Exact());
        }

        [Fact]
        public void All_and_exact()
        {
            Assert.True(GroupSelector.All.IsAll);
            Assert.True(GroupSelector.All.Matches("x"));
            Assert.True(GroupSelector.Exact("a", "b").Matches("b"));
            Assert.False(GroupSelector.Exact("a", "b").Matches("c"));
            Assert.Equal("group 'a'", GroupSelector.Exact("a").Description);
            Assert.Equal(2, GroupSelector.Exact("a", "b").ExactNames.Count);
        }
    }
}
