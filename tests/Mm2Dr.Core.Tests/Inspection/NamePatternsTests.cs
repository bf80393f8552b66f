using System;
using Mm2Dr.Core.Inspection;
using Xunit;

namespace Mm2Dr.Core.Tests.Inspection
{
    public class NamePatternsTests
    {
        [Fact]
        public void No_names_means_all_and_needs_a_listing()
        {
            var all = NamePatterns.Parse(null);
            Assert.True(all.IsAll);
            Assert.True(all.NeedsListing);
            Assert.True(all.Matches("anything"));
            Assert.True(all.ToGroupSelector().IsAll);
            Assert.Same(NamePatterns.All, NamePatterns.Parse(Array.Empty<string>()));
        }

        [Fact]
        public void Exact_names_are_case_sensitive_like_Kafka_and_never_need_a_listing()
        {
            var exact = NamePatterns.Parse(new[] { "Orders", "billing" });
            Assert.False(exact.NeedsListing);
            Assert.True(exact.Matches("Orders"));
            Assert.False(exact.Matches("orders"));
            var selector = exact.ToGroupSelector();
            Assert.Equal(new[] { "Orders", "billing" }, selector.ExactNames, StringComparer.Ordinal);
            Assert.False(selector.Matches("orders"));
        }

        [Theory]
        [InlineData("orders-*", "ORDERS-eu", true)]
        [InlineData("orders-*", "orders", false)]
        [InlineData("g?", "g1", true)]
        [InlineData("g?", "g12", false)]
        [InlineData("g[0-2]", "g2", true)]
        [InlineData("g[0-2]", "g3", false)]
        [InlineData("a.b*", "axb", false)]
        [InlineData("a`*b*", "a*bc", true)]
        [InlineData("a`*b*", "axbc", false)]
        [InlineData("[x", "[x", true)]
        public void Wildcards_follow_PowerShell_and_ignore_case(string pattern, string name, bool matches)
        {
            var patterns = NamePatterns.Parse(new[] { pattern });
            Assert.True(patterns.NeedsListing);
            Assert.Equal(matches, patterns.Matches(name));
            Assert.Equal(matches, patterns.ToGroupSelector().Matches(name));
        }

        [Fact]
        public void Exact_names_and_wildcards_combine_in_one_selector_for_the_one_pass_read()
        {
            var patterns = NamePatterns.Parse(new[] { "billing", "orders-*" });
            var selector = patterns.ToGroupSelector();
            Assert.True(selector.Matches("billing"));
            Assert.False(selector.Matches("Billing"));
            Assert.True(selector.Matches("Orders-EU"));
            Assert.False(selector.Matches("shipping"));
            Assert.Equal("'billing', 'orders-*'", patterns.ToString());
        }

        [Fact]
        public void A_blank_name_is_refused()
        {
            Assert.Throws<ArgumentException>(() => NamePatterns.Parse(new[] { "ok", " " }));
        }
    }
}
