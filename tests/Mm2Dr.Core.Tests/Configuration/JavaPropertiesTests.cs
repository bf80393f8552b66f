using Mm2Dr.Core.Configuration;
using Xunit;

namespace Mm2Dr.Core.Tests.Configuration
{
    public class JavaPropertiesTests
    {
        [Theory]
        [InlineData("a=b", "a", "b")]
        [InlineData("a = b", "a", "b")]
        [InlineData("a:b", "a", "b")]
        [InlineData("a : b c ", "a", "b c ")]
        [InlineData("a b", "a", "b")]
        [InlineData("  a=b", "a", "b")]
        [InlineData("a=", "a", "")]
        [InlineData("a\\=b=c", "a=b", "c")]
        [InlineData("a\\ b=c", "a b", "c")]
        [InlineData("key=\\u0041x", "key", "Ax")]
        [InlineData("primary->dr.enabled = true", "primary->dr.enabled", "true")]
        public void Parses_a_line_as_java_util_Properties_does(string line, string key, string value)
        {
            var props = JavaProperties.Parse(line);
            Assert.Equal(value, props.Get(key));
        }

        [Fact]
        public void Skips_comments_and_blank_lines_and_joins_continuations()
        {
            var text = "# comment\n! also a comment\n\nlist = a, \\\n    b, \\\n    c\nnext=1\n";
            var props = JavaProperties.Parse(text, "f.properties");
            Assert.Equal("a, b, c", props.Get("list"));
            Assert.Equal(7, props.TryGet("next", out var next) ? next.Line : 0);
            Assert.Equal(4, props.TryGet("list", out var list) ? list.Line : 0);
        }

        [Fact]
        public void A_comment_ending_in_a_backslash_does_not_continue()
        {
            var props = JavaProperties.Parse("# note \\\nkey=value");
            Assert.Equal("value", props.Get("key"));
        }

        [Fact]
        public void The_last_duplicate_wins()
        {
            var props = JavaProperties.Parse("a=1\nb=2\na=3");
            Assert.Equal("3", props.Get("a"));
            Assert.Equal(2, props.Count);
        }

        [Fact]
        public void A_key_without_separator_or_value_is_an_error_naming_file_and_line()
        {
            var ex = Assert.Throws<ConfigurationException>(() => JavaProperties.Parse("a=1\n\ngarbage\n", "mm2.properties"));
            Assert.Equal(3, ex.Line);
            Assert.Equal("mm2.properties", ex.File);
            Assert.Contains("mm2.properties:3", ex.Message);
            Assert.Contains("garbage", ex.Message);
        }

        [Fact]
        public void A_line_with_no_key_is_an_error()
        {
            var ex = Assert.Throws<ConfigurationException>(() => JavaProperties.Parse("=value", "x"));
            Assert.Equal(1, ex.Line);
        }

        [Theory]
        [InlineData("k=\\u12")]
        [InlineData("k=\\uZZZZ")]
        public void A_malformed_unicode_escape_is_an_error(string line)
        {
            var ex = Assert.Throws<ConfigurationException>(() => JavaProperties.Parse(line, "x"));
            Assert.Contains("\\u", ex.Message);
        }

        [Fact]
        public void Windows_line_endings_and_a_byte_order_mark_are_accepted()
        {
            var props = JavaProperties.Parse("\uFEFFa=1\r\nb=2\r\n");
            Assert.Equal("1", props.Get("a"));
            Assert.Equal("2", props.Get("b"));
        }

        [Fact]
        public void A_missing_file_is_a_configuration_error_naming_it()
        {
            var ex = Assert.Throws<ConfigurationException>(() => JavaProperties.Load("/nonexistent/mm2.properties"));
            Assert.Equal("/nonexistent/mm2.properties", ex.File);
        }
    }
}
