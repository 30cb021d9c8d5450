/// Budget pages. Owned by the Budget page work.
let budgetCSS = ""
