async function boil(): Promise<void> {
  console.log('boil: kettle on');
  await null; // pause, even though null is ready
  console.log('boil: water hot');
}

const kettle = boil();
console.log('main: cups out');
await kettle;
console.log('main: pour');
