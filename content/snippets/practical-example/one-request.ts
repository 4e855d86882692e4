// fetch answers from a simulated weather service: nothing leaves your browser.
const response = await fetch('https://weather.example/today/oslo'); // 1st wait: the status line and headers
console.log(response.status, response.statusText, response.ok);
console.log(await response.text()); // 2nd wait: the body

const missing = await fetch('https://weather.example/today/atlantis');
// No exception: an HTTP error is still a response. Check it yourself.
console.log(missing.status, missing.statusText, missing.ok);
