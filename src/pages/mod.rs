pub mod article_page;
pub mod issue_page;
pub mod search_page;
