// Observable Framework configuration: the site's pages, and no request to any other host.
export default {
  title: "Kosovo and NATO",
  root: "src",
  pages: [
    {name: "Overview", path: "/"}
  ],
  globalStylesheets: [],
  footer: "",
  search: false
};
