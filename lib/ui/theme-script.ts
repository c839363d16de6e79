/**
 * Runs before first paint: applies the stored theme choice, or the system setting, to <html data-theme>.
 * Kept as a string so the layout can inline it (no flash of the wrong theme).
 */
export const THEME_STORAGE_KEY = "pitwall-theme";

export const themeScript = `(() => {
  const key = ${JSON.stringify(THEME_STORAGE_KEY)};
  const media = window.matchMedia("(prefers-color-scheme: dark)");
  const apply = () => {
    const choice = localStorage.getItem(key) || "system";
    const theme = choice === "system" ? (media.matches ? "dark" : "light") : choice;
    document.documentElement.dataset.theme = theme;
    document.documentElement.dataset.themeChoice = choice;
  };
  apply();
  media.addEventListener("change", apply);
  window.__pitwallApplyTheme = apply;
})();`;
